"""The HTTP API of {{project_name}}."""

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from app import __version__

app = FastAPI(
    title="{{project_name}}",
    description="{{description}}",
    version=__version__,
)


class Health(BaseModel):
    status: str
    version: str


class Greeting(BaseModel):
    message: str


@app.get("/health", response_model=Health)
def health() -> Health:
    """Tell load balancers and monitors that the service is up."""
    return Health(status="ok", version=__version__)


@app.get("/greet/{name}", response_model=Greeting)
def greet(name: str) -> Greeting:
    """Return a friendly greeting for ``name``."""
    name = name.strip()
    if not name:
        raise HTTPException(status_code=422, detail="name must not be empty")
    return Greeting(message=f"Hello, {name}!")
