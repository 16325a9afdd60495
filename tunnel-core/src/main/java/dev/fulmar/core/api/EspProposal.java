package dev.fulmar.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One ESP proposal for a CHILD SA (RFC 7296 §3.3): encryption, integrity (none for AEAD), optional
 * key exchange methods for PFS, and extended sequence numbers. strongSwan syntax, e.g. {@code
 * aes256gcm16} or {@code aes256-sha256-ecp256-esn}.
 */
public final class EspProposal {
  private final List<Algorithm> encryption;
  private final List<Algorithm> integrity;
  private final List<Algorithm> keyExchange;
  private final List<Algorithm> esn;

  private EspProposal(ProposalParser.Parsed p) {
    this.encryption = List.copyOf(p.encryption);
    this.integrity = List.copyOf(p.integrity);
    this.keyExchange = List.copyOf(p.keyExchange);
    this.esn = p.esn.isEmpty() ? List.of(Algorithm.NO_ESN) : List.copyOf(p.esn);
  }

  private EspProposal(List<Algorithm> encryption, List<Algorithm> integrity,
      List<Algorithm> keyExchange, List<Algorithm> esn) {
    this.encryption = encryption;
    this.integrity = integrity;
    this.keyExchange = keyExchange;
    this.esn = esn;
  }

  /**
   * The same proposal without key exchange methods: the CHILD SA of IKE_AUTH has no PFS (RFC 7296
   * §1.2), so its proposals carry none.
   */
  public EspProposal withoutKeyExchange() {
    return new EspProposal(encryption, integrity, List.of(), esn);
  }

  /**
   * Parses a proposal string.
   *
   * @throws IkeSessionException naming weak or unknown algorithms, or an incomplete proposal
   */
  public static EspProposal parse(String text) throws IkeSessionException {
    ProposalParser.Parsed p = ProposalParser.parse(text);
    if (!p.prf.isEmpty() || p.additional.stream().anyMatch(l -> !l.isEmpty())) {
      throw ProposalParser.invalid("PRFs and keN_ methods are IKE settings: \"" + text + "\"");
    }
    if (p.encryption.isEmpty()) {
      throw ProposalParser.invalid("no encryption algorithm in \"" + text + "\"");
    }
    boolean aead = p.encryption.get(0).isAead();
    if (p.encryption.stream().anyMatch(a -> a.isAead() != aead)) {
      throw ProposalParser.invalid(
          "AEAD and non-AEAD ciphers must be in separate proposals: \"" + text + "\"");
    }
    if (aead && !p.integrity.isEmpty()) {
      throw ProposalParser.invalid("an AEAD cipher takes no integrity algorithm: \"" + text + "\"");
    }
    if (!aead && p.integrity.isEmpty()) {
      throw ProposalParser.invalid("no integrity algorithm in \"" + text + "\"");
    }
    return new EspProposal(p);
  }

  /** Parses several proposal strings. */
  public static List<EspProposal> parseAll(List<String> texts) throws IkeSessionException {
    List<EspProposal> out = new ArrayList<>();
    for (String t : texts) {
      out.add(parse(t));
    }
    return List.copyOf(out);
  }

  /** Modern defaults: AES-GCM and ChaCha20-Poly1305, then AES-CBC with HMAC-SHA2. */
  public static List<EspProposal> defaults() {
    try {
      return parseAll(
          List.of("aes256gcm16-aes128gcm16-chacha20poly1305", "aes256-aes128-sha256-sha384-sha512"));
    } catch (IkeSessionException e) {
      throw new AssertionError(e);
    }
  }

  public List<Algorithm> encryption() {
    return encryption;
  }

  public List<Algorithm> integrity() {
    return integrity;
  }

  /** Key exchange methods for PFS; empty when the CHILD SA uses none. */
  public List<Algorithm> keyExchange() {
    return keyExchange;
  }

  /** {@link Algorithm#NO_ESN} and/or {@link Algorithm#ESN}. */
  public List<Algorithm> esn() {
    return esn;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    encryption.forEach(a -> parts.add(a.keyword()));
    integrity.forEach(a -> parts.add(a.keyword()));
    keyExchange.forEach(a -> parts.add(a.keyword()));
    if (!esn.equals(List.of(Algorithm.NO_ESN))) {
      esn.forEach(a -> parts.add(a.keyword()));
    }
    return String.join("-", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EspProposal && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}
