"""Publishing versions with mike into the gh-pages branch (`make publish`)."""
