"""Load CTranslate2 Whisper weights into openai-whisper, in memory.

The bundled tiny.en ships only in CTranslate2 format, yet openai-whisper (the reference
implementation) must run the very same weights so that the two engines can be compared like
for like. This module reads CTranslate2's `model.bin` without the ctranslate2 runtime (the
layout is the one `ctranslate2/specs/model_spec.py::_serialize` writes), renames each tensor
to openai-whisper's name, splits the attention projections CTranslate2 fuses, and builds a
float32 `whisper.model.Whisper` on the CPU. Nothing is written to disk.

torch and whisper are imported inside the functions that need them, so importing this
module (or `transcription`) stays cheap.
"""
from __future__ import annotations

import base64
import gzip
import json
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .errors import ModelError

if TYPE_CHECKING:
    from whisper.model import ModelDimensions, Whisper

BINARY_VERSION = 6
"""The model.bin layout this reader understands (what ctranslate2 4.x writes)."""

SPEC_NAME = "WhisperSpec"

# Type ids of ctranslate2's DataType enum (include/ctranslate2/types.h). numpy has no
# bfloat16, so its raw 16 bits are read and then widened by _bfloat16_to_float32.
_BFLOAT16 = 5
_DTYPES = {
    0: np.dtype("<f4"),  # float32
    1: np.dtype("<i1"),  # int8
    2: np.dtype("<i2"),  # int16
    3: np.dtype("<i4"),  # int32
    4: np.dtype("<f2"),  # float16
    _BFLOAT16: np.dtype("<u2"),
}

# Whole-name renames, CTranslate2 -> openai-whisper, for tensors outside the layers.
_GLOBAL_NAMES = {
    "encoder/conv1/weight": "encoder.conv1.weight",
    "encoder/conv1/bias": "encoder.conv1.bias",
    "encoder/conv2/weight": "encoder.conv2.weight",
    "encoder/conv2/bias": "encoder.conv2.bias",
    "encoder/position_encodings/encodings": "encoder.positional_embedding",
    "encoder/layer_norm/gamma": "encoder.ln_post.weight",
    "encoder/layer_norm/beta": "encoder.ln_post.bias",
    "decoder/embeddings/weight": "decoder.token_embedding.weight",
    "decoder/position_encodings/encodings": "decoder.positional_embedding",
    "decoder/layer_norm/gamma": "decoder.ln.weight",
    "decoder/layer_norm/beta": "decoder.ln.bias",
}

# Renames of the part after "{encoder,decoder}/layer_N/", for tensors taken as they are.
_LAYER_NAMES = {
    "self_attention/layer_norm/gamma": "attn_ln.weight",
    "self_attention/layer_norm/beta": "attn_ln.bias",
    "self_attention/linear_1/weight": "attn.out.weight",
    "self_attention/linear_1/bias": "attn.out.bias",
    "attention/layer_norm/gamma": "cross_attn_ln.weight",
    "attention/layer_norm/beta": "cross_attn_ln.bias",
    "attention/linear_0/weight": "cross_attn.query.weight",
    "attention/linear_0/bias": "cross_attn.query.bias",
    "attention/linear_2/weight": "cross_attn.out.weight",
    "attention/linear_2/bias": "cross_attn.out.bias",
    "ffn/layer_norm/gamma": "mlp_ln.weight",
    "ffn/layer_norm/beta": "mlp_ln.bias",
    "ffn/linear_0/weight": "mlp.0.weight",
    "ffn/linear_0/bias": "mlp.0.bias",
    "ffn/linear_1/weight": "mlp.2.weight",
    "ffn/linear_1/bias": "mlp.2.bias",
}

# Fused projections, split in equal parts along the output dimension. A None part is
# dropped: whisper's key projection has no bias, and none is needed, because a key bias
# adds the same amount to every attention logit of a query, which softmax ignores.
_FUSED = {
    "self_attention/linear_0/weight": ("attn.query.weight", "attn.key.weight", "attn.value.weight"),
    "self_attention/linear_0/bias": ("attn.query.bias", None, "attn.value.bias"),
    "attention/linear_1/weight": ("cross_attn.key.weight", "cross_attn.value.weight"),
    "attention/linear_1/bias": (None, "cross_attn.value.bias"),
}

_LAYER = re.compile(r"^(encoder|decoder)/layer_(\d+)/(.+)$")


@dataclass(frozen=True)
class Ct2Model:
    """The contents of a CTranslate2 model.bin: named arrays and name-to-name aliases."""

    spec: str
    revision: int
    variables: dict[str, np.ndarray]
    aliases: dict[str, str]


class _Reader:
    """Sequential little-endian reads over a byte buffer, failing with ModelError at the end."""

    def __init__(self, data: bytes, path: Path) -> None:
        self._data = memoryview(data)
        self._offset = 0
        self._path = path

    def unpack(self, fmt: str) -> int:
        size = struct.calcsize(fmt)
        value = struct.unpack_from(fmt, self._take(size))[0]
        return int(value)

    def string(self) -> str:
        length = self.unpack("<H")  # counts the trailing NUL
        raw = bytes(self._take(length))
        bad = ModelError(f"{self._path} is not a CTranslate2 model (bad string at byte {self._offset})")
        if length == 0 or raw[-1] != 0:
            raise bad
        try:
            return raw[:-1].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise bad from exc

    def array(self, shape: tuple[int, ...], type_id: int, num_bytes: int) -> np.ndarray:
        raw = self._take(num_bytes)
        dtype = _DTYPES.get(type_id)
        if dtype is None:
            raise ModelError(f"{self._path} holds a tensor of unknown type id {type_id}")
        if num_bytes != int(np.prod(shape, dtype=np.int64)) * dtype.itemsize:
            raise ModelError(f"{self._path} is damaged: tensor size does not match its shape {list(shape)}")
        values = np.frombuffer(raw, dtype=dtype).reshape(shape)
        return _bfloat16_to_float32(values) if type_id == _BFLOAT16 else values

    def at_end(self) -> bool:
        return self._offset == len(self._data)

    def _take(self, size: int) -> memoryview:
        end = self._offset + size
        if end > len(self._data):
            raise ModelError(f"{self._path} is truncated or not a CTranslate2 model")
        chunk = self._data[self._offset:end]
        self._offset = end
        return chunk


def _bfloat16_to_float32(values: np.ndarray) -> np.ndarray:
    """bfloat16 is the upper half of a float32, so widening is a 16-bit shift."""
    return (values.astype(np.uint32) << 16).view(np.float32)


def read_ct2_model(path: Path) -> Ct2Model:
    """Parse a CTranslate2 model.bin (binary version 6) into arrays, without ctranslate2."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read model file {path}: {exc.strerror or exc}") from exc
    reader = _Reader(data, path)
    version = reader.unpack("<I")
    if version != BINARY_VERSION:
        raise ModelError(
            f"{path} has CTranslate2 binary version {version}, expected {BINARY_VERSION}"
        )
    spec = reader.string()
    revision = reader.unpack("<I")
    variables: dict[str, np.ndarray] = {}
    for _ in range(reader.unpack("<I")):
        name = reader.string()
        shape = tuple(reader.unpack("<I") for _ in range(reader.unpack("<B")))
        type_id = reader.unpack("<B")
        variables[name] = reader.array(shape, type_id, reader.unpack("<I"))
    aliases: dict[str, str] = {}
    for _ in range(reader.unpack("<I")):
        alias = reader.string()
        aliases[alias] = reader.string()
    if not reader.at_end():
        raise ModelError(f"{path} has trailing bytes after its last alias; it is damaged")
    return Ct2Model(spec, revision, variables, aliases)


def whisper_state_dict(model: Ct2Model) -> dict[str, np.ndarray]:
    """Rename and split CTranslate2 Whisper tensors into openai-whisper's state dict (float32).

    Every tensor must be accounted for: an unknown name means a spec this converter does not
    understand, and guessing would give a model that loads but transcribes garbage.
    """
    if model.spec != SPEC_NAME:
        raise ModelError(f"the model is a {model.spec}, not a Whisper model ({SPEC_NAME})")
    _check_tied_projection(model)
    state: dict[str, np.ndarray] = {}
    for name, value in model.variables.items():
        if name.endswith("/weight_scale"):
            raise ModelError(
                "the model's weights are quantised to integers; openai-whisper needs a "
                "float16, bfloat16 or float32 CTranslate2 conversion"
            )
        if value.ndim == 0:
            # The spec's flags (activation, pre_norm, head counts...): a WhisperSpec fixes
            # them, and newer ctranslate2 versions add more; `dimensions` reads the heads.
            continue
        if name in _GLOBAL_NAMES:
            state[_GLOBAL_NAMES[name]] = value
            continue
        match = _LAYER.match(name)
        if match is None:
            raise ModelError(f"unexpected tensor {name!r} in the Whisper model")
        stack, index, rest = match.groups()
        prefix = f"{stack}.blocks.{index}."
        if rest in _LAYER_NAMES:
            state[prefix + _LAYER_NAMES[rest]] = value
        elif rest in _FUSED:
            parts = _FUSED[rest]
            if value.shape[0] % len(parts):
                raise ModelError(f"fused tensor {name!r} of shape {list(value.shape)} cannot be split")
            for part, chunk in zip(parts, np.split(value, len(parts), axis=0)):
                if part is not None:
                    state[prefix + part] = chunk
        else:
            raise ModelError(f"unexpected tensor {name!r} in the Whisper model")
    # A copy, so the arrays own writable memory rather than viewing the file's bytes.
    return {key: np.array(value, dtype=np.float32) for key, value in state.items()}


def _check_tied_projection(model: Ct2Model) -> None:
    """openai-whisper reuses the token embedding as the output projection; insist on it."""
    if "decoder/projection/weight" in model.variables:
        projection = model.variables["decoder/projection/weight"]
        embedding = model.variables.get("decoder/embeddings/weight")
        if embedding is None or not np.array_equal(projection, embedding):
            raise ModelError("the decoder's output projection differs from its token embedding")
        return
    if model.aliases.get("decoder/projection/weight") != "decoder/embeddings/weight":
        raise ModelError("the Whisper model has no output projection tied to its embedding")


def dimensions(model: Ct2Model) -> "ModelDimensions":
    """Infer openai-whisper's ModelDimensions from the tensors' shapes and the head counts."""
    from whisper.model import ModelDimensions

    v = model.variables
    try:
        conv1 = v["encoder/conv1/weight"]
        audio_positions = v["encoder/position_encodings/encodings"]
        embedding = v["decoder/embeddings/weight"]
        text_positions = v["decoder/position_encodings/encodings"]
        audio_heads = int(v["encoder/num_heads"])
        text_heads = int(v["decoder/num_heads"])
    except KeyError as exc:
        raise ModelError(f"the Whisper model lacks the tensor {exc.args[0]!r}") from exc
    return ModelDimensions(
        n_mels=conv1.shape[1],
        n_audio_ctx=audio_positions.shape[0],
        n_audio_state=audio_positions.shape[1],
        n_audio_head=audio_heads,
        n_audio_layer=_count_layers(v, "encoder"),
        n_vocab=embedding.shape[0],
        n_text_ctx=text_positions.shape[0],
        n_text_state=text_positions.shape[1],
        n_text_head=text_heads,
        n_text_layer=_count_layers(v, "decoder"),
    )


def _count_layers(variables: dict[str, np.ndarray], stack: str) -> int:
    indices = {int(m.group(2)) for m in map(_LAYER.match, variables) if m and m.group(1) == stack}
    return max(indices) + 1 if indices else 0


def alignment_heads(directory: Path) -> list[tuple[int, int]] | None:
    """The (layer, head) pairs from the model's config.json, or None when it names none.

    These are the cross-attention heads that track time; word timestamps are read off them.
    """
    path = directory / "config.json"
    if not path.exists():
        return None
    try:
        heads = json.loads(path.read_text(encoding="utf-8")).get("alignment_heads")
        return None if heads is None else [(int(layer), int(head)) for layer, head in heads]
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise ModelError(f"cannot read alignment heads from {path}: {exc}") from exc


def load_ct2_whisper(directory: Path) -> "Whisper":
    """Build a float32 openai-whisper model on the CPU from a CTranslate2 Whisper directory."""
    import torch
    from whisper.model import Whisper

    ct2 = read_ct2_model(directory / "model.bin")
    state = whisper_state_dict(ct2)
    dims = dimensions(ct2)
    model = Whisper(dims)
    try:
        model.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()}, strict=True)
    except RuntimeError as exc:
        first_line = str(exc).strip().splitlines()[0]
        raise ModelError(f"the converted weights do not fit openai-whisper: {first_line}") from exc
    heads = alignment_heads(directory)
    if heads is not None:
        model.set_alignment_heads(_encode_alignment_heads(heads, dims.n_text_layer, dims.n_text_head))
    return model.eval()


def _encode_alignment_heads(heads: list[tuple[int, int]], layers: int, per_layer: int) -> bytes:
    """Encode heads as whisper's `_ALIGNMENT_HEADS` do (base85 of a gzipped boolean mask)."""
    mask = np.zeros((layers, per_layer), dtype=bool)
    for layer, head in heads:
        if not (0 <= layer < layers and 0 <= head < per_layer):
            raise ModelError(f"alignment head ({layer}, {head}) is outside the {layers}x{per_layer} decoder")
        mask[layer, head] = True
    return base64.b85encode(gzip.compress(mask.tobytes(), mtime=0))
