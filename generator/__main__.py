"""Allow `python -m generator`."""

from generator.cli.entry import main

if __name__ == "__main__":
    main()
