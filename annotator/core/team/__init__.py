"""The team workflow: assignments with a reliability sample, coder packages, merging and
adjudication. Pure planning lives beside the services that store the results."""
