"""python -m lint → the command line."""
from .cli import main

raise SystemExit(main())
