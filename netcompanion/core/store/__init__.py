"""Storage: the database engine and its transactions, the tables, the migrations, the card image
store and backups. Nothing here knows a business rule; the services above decide what to store.
"""
