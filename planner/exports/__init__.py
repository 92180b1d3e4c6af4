"""Downloads: one module per format, all fed by `content.ExportContent`."""
