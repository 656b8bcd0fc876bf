"""The HTML report: its findings, its methods and the page itself."""
