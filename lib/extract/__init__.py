"""Extraction: the facts of one report, one registered extractor per dataset table (see `registry`).

- `articles`: the report's row, its zone (`zones`) and year (`dates`);
- `metrics`: quantities (`quantities`) with the indicator they measure;
- `initiatives`: named programmes (`initiative_names`) and their parts (`initiative_parts`);
- `entities`: organisations (`organisations`) and people (`people`), with `entity_rules`;
- `paragraphs`: every paragraph with its themes (`themes`) and keywords (lib.text).
`context.ArticleContext` is what an extractor sees of one report.
"""
