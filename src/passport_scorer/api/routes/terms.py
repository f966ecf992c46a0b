"""`/ceramic-cache/tos/*`: terms of service for the signed-in address (the Passport app).

The path's address must be the token's (403). An acceptance is the signature of the message
given with a nonce; the nonce is used once, and a refused acceptance leaves it unused.
"""

from __future__ import annotations

from passport_scorer.api.auth.jwt import APP_TOKEN_FOR_PATH
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.schemas import TosAcceptedSchema, TosSignedSchema, TosToSignSchema
from passport_scorer.services import terms

TAG = "ceramic-cache"


@endpoint(
    "GET",
    "/ceramic-cache/tos/accepted/{tos_type}/{address}",
    auth=APP_TOKEN_FOR_PATH,
    response=TosAcceptedSchema,
    errors=(400, 401, 403, 503),
    summary="Whether the address accepted the active terms of this type",
    tag=TAG,
    cors=True,
)
async def tos_accepted(call: Call) -> dict[str, bool]:
    return await terms.accepted(call.ex, call.path["tos_type"], call.principal)


@endpoint(
    "GET",
    "/ceramic-cache/tos/message-to-sign/{tos_type}/{address}",
    auth=APP_TOKEN_FOR_PATH,
    response=TosToSignSchema,
    errors=(400, 401, 403, 404, 503),
    summary="The active terms of this type, with a nonce, to sign",
    tag=TAG,
    cors=True,
)
async def tos_message_to_sign(call: Call) -> dict[str, str]:
    return await terms.message_to_sign(call.ex, call.path["tos_type"])


@endpoint(
    "POST",
    "/ceramic-cache/tos/signed-message/{tos_type}/{address}",
    auth=APP_TOKEN_FOR_PATH,
    body=TosSignedSchema,
    errors=(400, 401, 403, 404, 422, 503),
    summary="Accept the terms: the signature of the message given with the nonce",
    description="Answers `null`, as the reference. The body's `tos_type` names the terms.",
    tag=TAG,
    cors=True,
    transaction=True,
)
async def tos_accept(call: Call) -> None:
    body: TosSignedSchema = call.body
    await terms.accept(call.ex, body.tos_type, body.nonce, body.signature)


ENDPOINTS = [tos_accepted, tos_message_to_sign, tos_accept]
