"""Sign-in for the Passport app: `GET /account/nonce`, then `POST /ceramic-cache/authenticate`
(and `/v2`, the same flow) with a signed EIP-4361 message, for an access token (CORS).

Both authenticate paths run the reference's SIWE flow (its Lambda sends both to it). Every
refusal is 400 with the reference's detail; without `SIWE_JWT_PRIVATE_KEY` authenticate
answers 503 (the nonce route needs no setting).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from starlette.responses import Response

from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.responses import JSONResponse
from passport_scorer.errors import NotConfigured
from passport_scorer.services import sign_in

TAG = "sign-in"
# As the reference's app Lambda answers.
HEADERS = {"Cross-Origin-Opener-Policy": "same-origin"}


class NonceSchema(BaseModel):
    nonce: str


class SiweSubmission(BaseModel):
    """The SIWE message's fields (camelCase: domain, address, statement, uri, version,
    chainId, nonce, issuedAt, and optionally expirationTime, notBefore, requestId,
    resources) and the signature of its EIP-4361 text."""

    model_config = ConfigDict(extra="ignore")

    message: dict[str, Any]
    signature: str


class AccessTokenSchema(BaseModel):
    access: str
    intercom_user_hash: str | None


@endpoint(
    "GET",
    "/account/nonce",
    response=NonceSchema,
    errors=(503,),
    cors=True,
    summary="A single-use nonce for a sign-in message (valid for five minutes)",
    tag=TAG,
)
async def account_nonce(call: Call) -> Response:
    return JSONResponse({"nonce": await sign_in.create_nonce(call.ex)}, headers=HEADERS)


async def _authenticate(call: Call) -> Response:
    service = call.services.sign_in
    if service is None:
        raise NotConfigured("This route needs SIWE_JWT_PRIVATE_KEY, which is not set.")
    body: SiweSubmission = call.body
    token = await service.authenticate(call.services.db, call.ex, body.message, body.signature)
    return JSONResponse({"access": token, "intercom_user_hash": None}, headers=HEADERS)


AUTHENTICATE = {
    "body": SiweSubmission,
    "response": AccessTokenSchema,
    "errors": (400, 422, 503),
    "cors": True,
    "tag": TAG,
    "description": (
        "The message must name an allowed domain (`SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE`), be "
        "unexpired, carry an unused nonce from `/account/nonce` and be signed by its address "
        "(an ordinary account, or a smart wallet through `ETHEREUM_RPC_URL`). The token is "
        "an RS256 JWT valid for 7 days."
    ),
}


@endpoint(
    "POST",
    "/ceramic-cache/authenticate",
    summary="Sign in with Ethereum: an access token for a signed message",
    **AUTHENTICATE,
)
async def authenticate(call: Call) -> Response:
    return await _authenticate(call)


@endpoint(
    "POST",
    "/ceramic-cache/authenticate/v2",
    summary="Sign in with Ethereum (the same flow as /ceramic-cache/authenticate)",
    **AUTHENTICATE,
)
async def authenticate_v2(call: Call) -> Response:
    return await _authenticate(call)


ENDPOINTS = [account_nonce, authenticate, authenticate_v2]
