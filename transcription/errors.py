"""Typed errors. Each message is one line a user can act on."""


class TranscriptionError(Exception):
    """Base class: anything that stops a recording from being transcribed."""


class NotAudioError(TranscriptionError):
    """The file is not a media file, or it has no audio stream."""


class CorruptAudioError(TranscriptionError):
    """The file is a media file, but its audio cannot be decoded (truncated or damaged)."""


class EmptyAudioError(TranscriptionError):
    """The audio stream holds no samples (zero length)."""


class NoSpeechError(TranscriptionError):
    """The recording decodes, but no speech was found in it."""


class TooLongError(TranscriptionError):
    """The recording is longer than the configured maximum duration."""


class ModelError(TranscriptionError):
    """The model cannot be found, verified or loaded."""
