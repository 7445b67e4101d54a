"""The app's resources (icons, stylesheet, sample card), installed as the package netcompanion.resources."""
