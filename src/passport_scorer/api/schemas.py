"""Response schemas of the v1 registry, history, stamp and customization routes (OpenAPI only;
bodies are built by the services)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from passport_scorer.api.responses import StampScoreSchema


class ThresholdEvidenceSchema(BaseModel):
    type: str
    success: bool
    rawScore: float
    threshold: float


class DetailedScoreSchema(BaseModel):
    address: str
    score: str | None
    status: str | None
    last_score_timestamp: str | None
    expiration_date: str | None
    evidence: ThresholdEvidenceSchema | None
    error: str | None
    stamp_scores: dict[str, Any]


class DetailedScorePageSchema(BaseModel):
    items: list[DetailedScoreSchema]
    count: int


class SigningMessageSchema(BaseModel):
    message: str
    nonce: str


class HistoricalScoreSchema(BaseModel):
    address: str
    score: str
    passing_score: bool
    last_score_timestamp: str | None
    expiration_timestamp: str | None
    threshold: str
    error: str | None
    stamps: dict[str, StampScoreSchema] | None
    points_data: None
    possible_points_data: None
    linked_score: None


class StampMetadataPlatformSchema(BaseModel):
    id: str
    icon: str
    name: str
    description: str
    connectMessage: str


class StampCredentialMetadataSchema(BaseModel):
    group: str
    platform: StampMetadataPlatformSchema
    name: str
    description: str
    hash: str


class StampCredentialSchema(BaseModel):
    version: str
    credential: dict[str, Any]
    metadata: StampCredentialMetadataSchema | None = None  # only with `include_metadata`


class StampPageSchema(BaseModel):
    next: str | None
    prev: str | None
    items: list[StampCredentialSchema]


class MetadataStampSchema(BaseModel):
    name: str
    description: str
    hash: str


class MetadataGroupSchema(BaseModel):
    name: str
    stamps: list[MetadataStampSchema]


class StampDisplaySchema(BaseModel):
    id: str
    icon: str
    name: str
    description: str
    connectMessage: str
    groups: list[MetadataGroupSchema]


class LegacyStakeSchema(BaseModel):
    id: int
    event_type: str
    round_id: int
    staker: str | None
    address: str | None
    amount: str
    staked: bool
    block_number: int
    tx_hash: str


class LegacyStakesSchema(BaseModel):
    results: list[LegacyStakeSchema]


class StakeSchema(BaseModel):
    chain: int
    staker: str
    stakee: str
    amount: str
    lock_time: str
    unlock_time: str
    last_updated_in_block: int


class StakesSchema(BaseModel):
    items: list[StakeSchema]


class CredentialRulesetSchema(BaseModel):
    ruleset: Any


class CustomizationSchema(BaseModel):
    """A partner dashboard's theme, panels, scorer, chains, custom stamps and the dashboards
    and campaigns every page lists (see the route's description)."""

    key: str
    partnerName: str
    useCustomDashboardPanel: bool
    customizationTheme: dict[str, Any]
    scorerPanel: dict[str, Any]
    dashboardPanel: dict[str, Any]
    scorer: dict[str, Any]
    includedChainIds: list[str]
    showExplanationPanel: bool
    customStamps: dict[str, Any]
    partnerDashboards: list[dict[str, Any]]
    featuredCampaigns: list[dict[str, Any]]
    stampMetadata: dict[str, Any]


class DashboardsSchema(BaseModel):
    partnerDashboards: list[dict[str, Any]]
    featuredCampaigns: list[dict[str, Any]]
    stampMetadata: dict[str, Any]


class TosAcceptedSchema(BaseModel):
    accepted: bool


class TosToSignSchema(BaseModel):
    text: str
    nonce: str


class TosSignedSchema(BaseModel):
    """The acceptance: the terms' type, the nonce given with the message, the signature."""

    tos_type: str
    nonce: str
    signature: str
