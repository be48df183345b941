"""HTTP routes: the HTML pages and the JSON API."""
