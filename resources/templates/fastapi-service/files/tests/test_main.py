from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_health():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": "0.1.0"}


def test_greet():
    response = client.get("/greet/Ada")
    assert response.status_code == 200
    assert response.json() == {"message": "Hello, Ada!"}


def test_greet_blank_name():
    response = client.get("/greet/%20")
    assert response.status_code == 422


def test_openapi_lists_health():
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert "/health" in response.json()["paths"]
