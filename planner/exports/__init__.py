"""Downloads: one module per format, all fed by `content.ExportContent`."""

# Every file a workspace can be downloaded as (planner.exports.files makes each): named
# here, where naming them imports no chart, PDF or spreadsheet library (the CLI's parser).
FILE_FORMATS = ("xlsx", "pdf", "png", "svg", "csv", "md", "json", "jira", "azure", "ics")
