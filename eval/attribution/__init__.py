"""The judged attribution set for `/who-confirmed`: data (`judged`) and the scorer (`score`); see README.md."""
