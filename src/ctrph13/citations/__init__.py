"""Citations: finding them in any text (`find`), and checking them against the registry (`check`)."""
