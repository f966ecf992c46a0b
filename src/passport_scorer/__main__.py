import sys

from passport_scorer.cli import main

sys.exit(main())
