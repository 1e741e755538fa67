"""The dataset: one pandas table per registered extractor, built from the article files.

- `schema`: the tables and columns, `Dataset`, and the shared domain definitions (counted paragraphs,
  text columns, column labels);
- `build`: one file → rows (`process_file`), all files → `Dataset` (`build_dataset`);
- `store`: the app's corpus, its content key and the cache (`load_dataset`).
"""

from lib.dataset.build import build_dataset, process_file
from lib.dataset.schema import Dataset
from lib.dataset.store import current_key, is_built, load_dataset

__all__ = ["Dataset", "build_dataset", "current_key", "is_built", "load_dataset", "process_file"]
