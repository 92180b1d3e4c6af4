"""An example import file, so users see the columns the import understands."""

import pandas as pd

EXAMPLE_ROWS = [
    {
        "title": "Stock per store on the product page",
        "description": "Show live stock for the 5 nearest stores.",
        "phase": "Information",
        "channel": "Website|Mobile app",
        "persona": "",
        "proposer": "E-commerce",
        "tags": "stock|omnichannel",
        "value": "8",
        "effort": "4,5",
    },
    {
        "title": "Callback instead of waiting in the queue",
        "description": "Offer a callback when the waiting time is over 3 minutes.",
        "phase": "Service",
        "channel": "Contact centre",
        "persona": "",
        "proposer": "Customer service",
        "tags": "contact centre",
        "value": "",
        "effort": "",
    },
]


def example_csv() -> bytes:
    """A small CSV (UTF-8 with BOM, `;`-separated as Dutch Excel writes it)."""
    return pd.DataFrame(EXAMPLE_ROWS).to_csv(sep=";", index=False).encode("utf-8-sig")
