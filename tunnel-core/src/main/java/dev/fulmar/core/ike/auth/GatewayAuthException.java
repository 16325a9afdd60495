package dev.fulmar.core.ike.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gateway could not be authenticated. Each failure has a {@link Reason}, a message in plain
 * words that names the facts, a {@link #fix()} for the user, and the facts themselves so that the
 * UI and {@code fulmar diagnose} can render them. Nothing secret is sent once this is thrown.
 */
public final class GatewayAuthException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the gateway was not authenticated. */
  public enum Reason {
    /** The gateway sent no certificate although certificate authentication was expected. */
    NO_CERTIFICATE,
    /** The chain does not lead to a trusted CA. */
    UNKNOWN_CA,
    /** The chain is broken (a signature in it does not verify, an issuer is not a CA, ...). */
    INVALID_CHAIN,
    /** The certificate does not name the gateway the profile connects to. */
    NAME_MISMATCH,
    /** A certificate in the chain has expired. */
    EXPIRED,
    /** A certificate in the chain is not valid yet. */
    NOT_YET_VALID,
    /** The certificate may not be used for an IKE gateway (EKU or key usage). */
    WRONG_KEY_USAGE,
    /** A weak algorithm (SHA-1, MD5, a short key) is used by the gateway. */
    WEAK_ALGORITHM,
    /** The AUTH payload does not verify. */
    BAD_SIGNATURE,
    /** The gateway used an authentication method that is not accepted. */
    UNSUPPORTED_AUTH_METHOD,
    /** The gateway's AUTH data or certificate is malformed. */
    MALFORMED
  }

  private final Reason reason;
  private final String fix;
  private final List<String> chainSubjects;
  private final String endEntitySha256;
  private final List<String> certifiedNames;
  private final String expectedName;
  private final Instant notBefore;
  private final Instant notAfter;

  private GatewayAuthException(Builder b) {
    super(b.message, b.cause);
    this.reason = b.reason;
    this.fix = b.fix;
    this.chainSubjects = List.copyOf(b.chainSubjects);
    this.endEntitySha256 = b.endEntitySha256;
    this.certifiedNames = List.copyOf(b.certifiedNames);
    this.expectedName = b.expectedName;
    this.notBefore = b.notBefore;
    this.notAfter = b.notAfter;
  }

  /** Why it failed. */
  public Reason reason() {
    return reason;
  }

  /** What the user (or the gateway's administrator) can do about it. */
  public String fix() {
    return fix;
  }

  /** Subjects of the certificates the gateway sent, end entity first (RFC 2253 form). */
  public List<String> chainSubjects() {
    return chainSubjects;
  }

  /** SHA-256 fingerprint (colon-separated hex) of the gateway's own certificate. */
  public Optional<String> endEntitySha256() {
    return Optional.ofNullable(endEntitySha256);
  }

  /** The names the certificate holds (SAN DNS names, IP addresses, e-mail, subject DN). */
  public List<String> certifiedNames() {
    return certifiedNames;
  }

  /** The name that was expected (profile remote id, gateway host or the IDr sent). */
  public Optional<String> expectedName() {
    return Optional.ofNullable(expectedName);
  }

  /** Start of validity of the offending certificate (EXPIRED / NOT_YET_VALID). */
  public Optional<Instant> notBefore() {
    return Optional.ofNullable(notBefore);
  }

  /** End of validity of the offending certificate (EXPIRED / NOT_YET_VALID). */
  public Optional<Instant> notAfter() {
    return Optional.ofNullable(notAfter);
  }

  static Builder builder(Reason reason, String message) {
    return new Builder(reason, message);
  }

  static GatewayAuthException badSignature(String message) {
    return builder(Reason.BAD_SIGNATURE, message)
        .fix("check that the profile's gateway, identity and key match what the gateway uses")
        .build();
  }

  static GatewayAuthException weak(String message) {
    return builder(Reason.WEAK_ALGORITHM, message)
        .fix("ask the gateway's administrator to use SHA-256 or stronger and keys of at least"
            + " 2048 bits (RSA) or 256 bits (ECDSA)")
        .build();
  }

  static GatewayAuthException malformed(String message, Throwable cause) {
    return builder(Reason.MALFORMED, message)
        .fix("the gateway sent malformed authentication data; report it to its administrator")
        .cause(cause)
        .build();
  }

  static GatewayAuthException unsupported(String message) {
    return builder(Reason.UNSUPPORTED_AUTH_METHOD, message)
        .fix("configure the gateway for RFC 7427 digital signatures, ECDSA or a pre-shared key")
        .build();
  }

  /** Collects the facts of one failure. */
  static final class Builder {
    private final Reason reason;
    private final String message;
    private String fix = "";
    private Throwable cause;
    private List<String> chainSubjects = List.of();
    private String endEntitySha256;
    private List<String> certifiedNames = List.of();
    private String expectedName;
    private Instant notBefore;
    private Instant notAfter;

    private Builder(Reason reason, String message) {
      this.reason = reason;
      this.message = message;
    }

    Builder fix(String f) {
      this.fix = f;
      return this;
    }

    Builder cause(Throwable c) {
      this.cause = c;
      return this;
    }

    Builder chain(List<String> subjects, String eeSha256) {
      this.chainSubjects = subjects;
      this.endEntitySha256 = eeSha256;
      return this;
    }

    Builder names(List<String> certified, String expected) {
      this.certifiedNames = certified;
      this.expectedName = expected;
      return this;
    }

    Builder validity(Instant from, Instant to) {
      this.notBefore = from;
      this.notAfter = to;
      return this;
    }

    GatewayAuthException build() {
      return new GatewayAuthException(this);
    }
  }
}
