"""One module per exercise: its spec parser, model, plots and view."""
