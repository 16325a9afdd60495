package dev.fulmar.profiles.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One IKE SA proposal (RFC 7296 §3.3) in structured form: the transforms of each type, in the order
 * offered. {@code additionalKeyExchanges} maps n (1–7) to the methods for ADDKEn (RFC 9370).
 * Written as strongSwan does, e.g. {@code aes256gcm16-prfsha384-x25519-ke1_mlkem768}.
 */
public record IkeProposal(
    List<Encryption> encryption,
    List<Integrity> integrity,
    List<Prf> prf,
    List<KeyExchange> keyExchange,
    SortedMap<Integer, List<KeyExchange>> additionalKeyExchanges) {

  public IkeProposal {
    encryption = List.copyOf(encryption);
    integrity = List.copyOf(integrity);
    prf = List.copyOf(prf);
    keyExchange = List.copyOf(keyExchange);
    TreeMap<Integer, List<KeyExchange>> copy = new TreeMap<>();
    additionalKeyExchanges.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    additionalKeyExchanges = java.util.Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Parses strongSwan proposal syntax. When no PRF is named, the PRFs matching the integrity
   * algorithms are added, as strongSwan does, so the structured form is always explicit.
   *
   * @throws ProposalSyntaxException naming the first unknown or misplaced keyword and its offset
   */
  public static IkeProposal parse(String text) throws ProposalSyntaxException {
    return ProposalSyntax.parseIke(text);
  }

  /** Every algorithm named, in order (for checks that look at each one). */
  public List<Algorithm> algorithms() {
    List<Algorithm> all = new ArrayList<>(encryption);
    all.addAll(integrity);
    all.addAll(prf);
    all.addAll(keyExchange);
    additionalKeyExchanges.values().forEach(all::addAll);
    return all;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    encryption.forEach(a -> parts.add(a.keyword()));
    integrity.forEach(a -> parts.add(a.keyword()));
    prf.forEach(a -> parts.add(a.keyword()));
    keyExchange.forEach(a -> parts.add(a.keyword()));
    for (Map.Entry<Integer, List<KeyExchange>> e : additionalKeyExchanges.entrySet()) {
      e.getValue().forEach(a -> parts.add("ke" + e.getKey() + "_" + a.keyword()));
    }
    return String.join("-", parts);
  }
}
