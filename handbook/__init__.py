"""The leadership handbook of the Center of Pedagogical Excellence: data model, loading, validation and rendering."""
