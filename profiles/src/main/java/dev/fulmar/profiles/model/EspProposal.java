package dev.fulmar.profiles.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One ESP (CHILD SA) proposal: encryption, integrity (none with AEAD), optional key exchange for
 * PFS, optional additional key exchanges (RFC 9370) and extended sequence numbers. Written as
 * strongSwan does, e.g. {@code aes256gcm16} or {@code aes256-sha256-modp2048}.
 */
public record EspProposal(
    List<Encryption> encryption,
    List<Integrity> integrity,
    List<KeyExchange> keyExchange,
    SortedMap<Integer, List<KeyExchange>> additionalKeyExchanges,
    List<Esn> esn) {

  /** Extended Sequence Numbers (IANA Transform Type 5). */
  public enum Esn {
    NO_ESN("noesn", 0),
    ESN("esn", 1);

    private final String keyword;
    private final int id;

    Esn(String keyword, int id) {
      this.keyword = keyword;
      this.id = id;
    }

    public String keyword() {
      return keyword;
    }

    /** IANA transform ID. */
    public int transformId() {
      return id;
    }
  }

  public EspProposal {
    encryption = List.copyOf(encryption);
    integrity = List.copyOf(integrity);
    keyExchange = List.copyOf(keyExchange);
    esn = List.copyOf(esn);
    TreeMap<Integer, List<KeyExchange>> copy = new TreeMap<>();
    additionalKeyExchanges.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    additionalKeyExchanges = java.util.Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Parses strongSwan ESP proposal syntax.
   *
   * @throws ProposalSyntaxException naming the first unknown or misplaced keyword and its offset
   */
  public static EspProposal parse(String text) throws ProposalSyntaxException {
    return ProposalSyntax.parseEsp(text);
  }

  /** Every algorithm named, in order. */
  public List<Algorithm> algorithms() {
    List<Algorithm> all = new ArrayList<>(encryption);
    all.addAll(integrity);
    all.addAll(keyExchange);
    additionalKeyExchanges.values().forEach(all::addAll);
    return all;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    encryption.forEach(a -> parts.add(a.keyword()));
    integrity.forEach(a -> parts.add(a.keyword()));
    keyExchange.forEach(a -> parts.add(a.keyword()));
    for (Map.Entry<Integer, List<KeyExchange>> e : additionalKeyExchanges.entrySet()) {
      e.getValue().forEach(a -> parts.add("ke" + e.getKey() + "_" + a.keyword()));
    }
    esn.forEach(e -> parts.add(e.keyword()));
    return String.join("-", parts);
  }
}
