"""The schema revision this program expects; kept equal to the newest migration by a test."""

HEAD = "0008_case_lines_checked"
