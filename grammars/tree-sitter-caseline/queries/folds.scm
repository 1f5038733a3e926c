; Every block folds: its first line stays visible, its child lines fold away.
[
  (case_header)
  (entry)
  (procedure_block)
  (calendar_block)
] @fold
