"""kg: a knowledge graph of officials, agencies and events from Indonesian government news."""
__version__ = "0.1.0"
