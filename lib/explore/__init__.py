"""What the pages ask of the dataset, as plain functions returning DataFrames, figures or bytes:
`filters` (the sidebar's selection, applied the one way), `search` (keyword in context), `catalog`
(initiatives), `profiles` (a zone), `compare` (keywords by group), `charts` (plotly figures), `clouds`
(word clouds), `export` (CSV and Excel), `preview` (what the pipeline makes of an upload)."""
