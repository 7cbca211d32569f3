#!/usr/bin/env python
from styrbord.cli import main

if __name__ == "__main__":
    main()
