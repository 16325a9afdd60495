package dev.fulmar.control.message;

/**
 * Asks for a diagnostics bundle: a zip with the helper's version and platform, the status, the
 * profile summaries and the redacted log. Answered with {@link BundleData}.
 */
public record GetBundle() implements Request {}
