"""The CTranslate2 -> openai-whisper conversion, on the bundled tiny.en weights."""
from __future__ import annotations

import shutil
import struct
from pathlib import Path
from typing import Callable

import numpy as np
import pytest
import torch
import whisper
from ctranslate2.specs.model_spec import index_spec
from ctranslate2.specs.whisper_spec import WhisperSpec
from whisper.model import ModelDimensions, Whisper

from transcription import models
from transcription.convert import (
    Ct2Model,
    dimensions,
    load_ct2_whisper,
    read_ct2_model,
    whisper_state_dict,
)
from transcription.errors import ModelError

TINY_EN = ModelDimensions(
    n_mels=80, n_audio_ctx=1500, n_audio_state=384, n_audio_head=6, n_audio_layer=4,
    n_vocab=51864, n_text_ctx=448, n_text_state=384, n_text_head=6, n_text_layer=4,
)


@pytest.fixture(scope="module")
def bundled() -> Path:
    return models.bundled_model_dir()


@pytest.fixture(scope="module")
def ct2(bundled: Path) -> Ct2Model:
    return read_ct2_model(bundled / "model.bin")


@pytest.fixture(scope="module")
def model_bytes(bundled: Path) -> bytes:
    return (bundled / "model.bin").read_bytes()


def save_with_ctranslate2(ct2: Ct2Model, bundled: Path, directory: Path, quantization: str) -> None:
    """Write the bundled weights with ctranslate2's own writer, the format's reference."""
    spec = WhisperSpec(TINY_EN.n_audio_layer, TINY_EN.n_audio_head, TINY_EN.n_text_layer, TINY_EN.n_text_head)
    for name, value in ct2.variables.items():
        if value.ndim:
            scope, attribute = name.rsplit("/", 1)
            setattr(index_spec(spec, scope), attribute, value.astype(np.float32))
    spec.decoder.projection.weight = ct2.variables["decoder/embeddings/weight"].astype(np.float32)
    spec.register_vocabulary((bundled / "vocabulary.txt").read_text(encoding="utf-8").splitlines())
    spec.validate()
    spec.optimize(quantization=quantization)
    spec.save(str(directory))


def test_reads_the_bundled_file_whole(ct2: Ct2Model) -> None:
    assert (ct2.spec, ct2.revision) == ("WhisperSpec", 3)
    assert ct2.aliases == {"decoder/projection/weight": "decoder/embeddings/weight"}
    embedding = ct2.variables["decoder/embeddings/weight"]
    assert (embedding.dtype, embedding.shape) == (np.float16, (51864, 384))
    assert int(ct2.variables["encoder/num_heads"]) == 6


def test_dimensions_are_inferred_from_the_tensors(ct2: Ct2Model) -> None:
    assert dimensions(ct2) == TINY_EN


def test_state_dict_has_exactly_whispers_names_and_shapes(ct2: Ct2Model) -> None:
    expected = {name: tuple(t.shape) for name, t in Whisper(TINY_EN).state_dict().items()}
    state = whisper_state_dict(ct2)
    assert {name: a.shape for name, a in state.items()} == expected
    assert {a.dtype for a in state.values()} == {np.dtype(np.float32)}


def test_fused_projections_split_into_query_key_value(ct2: Ct2Model) -> None:
    state = whisper_state_dict(ct2)
    fused = ct2.variables["decoder/layer_2/self_attention/linear_0/weight"].astype(np.float32)
    parts = [state[f"decoder.blocks.2.attn.{p}.weight"] for p in ("query", "key", "value")]
    np.testing.assert_array_equal(np.concatenate(parts), fused)
    fused_bias = ct2.variables["decoder/layer_2/self_attention/linear_0/bias"].astype(np.float32)
    np.testing.assert_array_equal(state["decoder.blocks.2.attn.value.bias"], fused_bias[768:])
    encoder_bias = ct2.variables["encoder/layer_1/self_attention/linear_0/bias"].astype(np.float32)
    np.testing.assert_array_equal(state["encoder.blocks.1.attn.query.bias"], encoder_bias[:384])
    key_value = ct2.variables["decoder/layer_0/attention/linear_1/weight"].astype(np.float32)
    np.testing.assert_array_equal(state["decoder.blocks.0.cross_attn.key.weight"], key_value[:384])
    np.testing.assert_array_equal(state["decoder.blocks.0.cross_attn.value.weight"], key_value[384:])


def test_loads_strictly_as_float32_on_cpu_with_tiny_en_alignment_heads(bundled: Path, ct2: Ct2Model) -> None:
    model = load_ct2_whisper(bundled)
    assert model.dims == TINY_EN
    tensors = model.state_dict()
    assert {(t.dtype, t.device.type) for t in tensors.values()} == {(torch.float32, "cpu")}
    embedding = torch.from_numpy(ct2.variables["decoder/embeddings/weight"].astype(np.float32))
    assert torch.equal(tensors["decoder.token_embedding.weight"], embedding)
    reference = Whisper(TINY_EN)
    reference.set_alignment_heads(whisper._ALIGNMENT_HEADS["tiny.en"])
    assert torch.equal(model.alignment_heads.to_dense(), reference.alignment_heads.to_dense())


@pytest.mark.parametrize("quantization, rtol", [("float32", 0.0), ("bfloat16", 2.0**-8)])
def test_reads_what_ctranslate2_writes(
    ct2: Ct2Model, bundled: Path, tmp_path: Path, quantization: str, rtol: float
) -> None:
    save_with_ctranslate2(ct2, bundled, tmp_path, quantization)
    written = read_ct2_model(tmp_path / "model.bin")
    assert written.aliases == ct2.aliases
    state, reference = whisper_state_dict(written), whisper_state_dict(ct2)
    assert state.keys() == reference.keys()
    for name, expected in reference.items():
        np.testing.assert_allclose(state[name], expected, rtol=rtol, atol=0, err_msg=name)


def test_integer_quantised_weights_are_refused(ct2: Ct2Model, bundled: Path, tmp_path: Path) -> None:
    save_with_ctranslate2(ct2, bundled, tmp_path, "int8")
    with pytest.raises(ModelError, match="quantised"):
        load_ct2_whisper(tmp_path)


def _empty(real: bytes) -> bytes:
    return b""


def _garbage(real: bytes) -> bytes:
    return np.random.default_rng(0).bytes(4096)


def _truncated(real: bytes) -> bytes:
    return real[: len(real) // 2]


def _other_version(real: bytes) -> bytes:
    return struct.pack("<I", 5) + real[4:]


def _other_spec(real: bytes) -> bytes:
    return real.replace(b"WhisperSpec", b"Wav2VecSpec", 1)


def _trailing_bytes(real: bytes) -> bytes:
    return real + b"\0"


@pytest.mark.parametrize(
    "damage, message",
    [
        (_garbage, "binary version"),
        (_empty, "truncated"),
        (_truncated, "truncated"),
        (_other_version, "binary version 5"),
        (_other_spec, "not a Whisper model"),
        (_trailing_bytes, "trailing bytes"),
    ],
    ids=["garbage", "empty", "truncated", "version", "spec", "trailing"],
)
def test_damaged_model_bin_raises_model_error(
    bundled: Path, model_bytes: bytes, tmp_path: Path, damage: Callable[[bytes], bytes], message: str
) -> None:
    shutil.copy(bundled / "config.json", tmp_path / "config.json")
    (tmp_path / "model.bin").write_bytes(damage(model_bytes))
    with pytest.raises(ModelError, match=message) as caught:
        load_ct2_whisper(tmp_path)
    assert "\n" not in str(caught.value)


def test_missing_model_bin_raises_model_error(bundled: Path, tmp_path: Path) -> None:
    shutil.copy(bundled / "config.json", tmp_path / "config.json")
    with pytest.raises(ModelError, match="cannot read model file"):
        load_ct2_whisper(tmp_path)


def test_unknown_tensor_is_refused(ct2: Ct2Model) -> None:
    extra = {**ct2.variables, "decoder/layer_0/adapter/weight": np.zeros((2, 2), np.float16)}
    with pytest.raises(ModelError, match="unexpected tensor"):
        whisper_state_dict(Ct2Model(ct2.spec, ct2.revision, extra, ct2.aliases))


def test_untied_output_projection_is_refused(ct2: Ct2Model) -> None:
    with pytest.raises(ModelError, match="output projection"):
        whisper_state_dict(Ct2Model(ct2.spec, ct2.revision, ct2.variables, {}))


def test_alignment_heads_outside_the_decoder_are_refused(bundled: Path, tmp_path: Path) -> None:
    (tmp_path / "model.bin").symlink_to(bundled / "model.bin")
    (tmp_path / "config.json").write_text('{"alignment_heads": [[4, 0]]}', encoding="utf-8")
    with pytest.raises(ModelError, match="alignment head"):
        load_ct2_whisper(tmp_path)
