"""Allow `python -m generator`."""

from generator.entry import main

if __name__ == "__main__":
    main()
