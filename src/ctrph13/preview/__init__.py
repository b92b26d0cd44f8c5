"""The live preview behind `make serve`: rebuilds only what an edit changed, English beside Vietnamese."""
