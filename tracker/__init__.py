"""承诺台账 (tracker): follow the quantified pledges of Chinese local governments.

This module imports nothing heavy, so that ``import tracker.extract`` loads
neither Flask nor SQLAlchemy.
"""

__version__ = "0.1.0"
