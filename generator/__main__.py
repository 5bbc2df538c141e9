"""`python -m generator` runs the liftplan command."""

from generator.cli import main

main()
