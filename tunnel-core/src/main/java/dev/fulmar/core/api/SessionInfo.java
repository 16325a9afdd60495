package dev.fulmar.core.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a successful connection negotiated: the event {@link IkeSessionListener#onEstablished}
 * carries it, the UI shows it, and {@code fulmar diagnose} prints it.
 *
 * @param localAddress our IKE socket address (port 4500 after a NAT-T switch)
 * @param gatewayAddress the gateway's IKE address
 * @param unprivilegedSourcePort whether we could not use source port 500 and used another one
 * @param ikeSpiInitiator our IKE SPI
 * @param ikeSpiResponder the gateway's IKE SPI
 * @param encryption the IKE SA cipher
 * @param integrity the IKE SA integrity algorithm, or null for AEAD
 * @param prf the IKE SA PRF
 * @param keyExchanges the key exchange of IKE_SA_INIT followed by the additional ones, in order
 * @param localIdentity IDi as sent
 * @param remoteIdentity IDr as received and authenticated
 * @param remoteCertificateSubject the gateway certificate's subject, or null (PSK)
 * @param authMethod how we authenticated (e.g. "EAP-MSCHAPv2", "RSA signature", "PSK")
 * @param virtualAddresses INTERNAL_IP4/6_ADDRESS from the gateway
 * @param dnsServers INTERNAL_IP4/6_DNS
 * @param dnsDomains INTERNAL_DNS_DOMAIN (split DNS, RFC 8598)
 * @param splitSubnets INTERNAL_IP4/6_SUBNET
 * @param child the first CHILD SA
 * @param natDetection the NAT detection result
 * @param fragmentation whether both sides announced IKE fragmentation (RFC 7383)
 * @param fragmentedMessagesSent our requests that went out as fragments
 * @param fragmentedMessagesReceived responses that came in as fragments and were reassembled
 * @param exchanges the round trip of each exchange
 * @param total connect request to established
 * @param mobike whether both sides support MOBIKE (RFC 4555): the SAs can follow a change of
 *     our address ({@link IkeSession#localAddressChanged})
 */
public record SessionInfo(
    InetSocketAddress localAddress,
    InetSocketAddress gatewayAddress,
    boolean unprivilegedSourcePort,
    long ikeSpiInitiator,
    long ikeSpiResponder,
    Algorithm encryption,
    Algorithm integrity,
    Algorithm prf,
    List<Algorithm> keyExchanges,
    IkeIdentity localIdentity,
    IkeIdentity remoteIdentity,
    String remoteCertificateSubject,
    String authMethod,
    List<InetAddress> virtualAddresses,
    List<InetAddress> dnsServers,
    List<String> dnsDomains,
    List<TrafficSelector> splitSubnets,
    ChildSaInfo child,
    NatDetection natDetection,
    boolean fragmentation,
    int fragmentedMessagesSent,
    int fragmentedMessagesReceived,
    List<ExchangeTiming> exchanges,
    Duration total,
    boolean mobike) {

  public SessionInfo {
    keyExchanges = List.copyOf(keyExchanges);
    virtualAddresses = List.copyOf(virtualAddresses);
    dnsServers = List.copyOf(dnsServers);
    dnsDomains = List.copyOf(dnsDomains);
    splitSubnets = List.copyOf(splitSubnets);
    exchanges = List.copyOf(exchanges);
  }

  /** A session without MOBIKE. */
  public SessionInfo(InetSocketAddress localAddress, InetSocketAddress gatewayAddress,
      boolean unprivilegedSourcePort, long ikeSpiInitiator, long ikeSpiResponder,
      Algorithm encryption, Algorithm integrity, Algorithm prf, List<Algorithm> keyExchanges,
      IkeIdentity localIdentity, IkeIdentity remoteIdentity, String remoteCertificateSubject,
      String authMethod, List<InetAddress> virtualAddresses, List<InetAddress> dnsServers,
      List<String> dnsDomains, List<TrafficSelector> splitSubnets, ChildSaInfo child,
      NatDetection natDetection, boolean fragmentation, int fragmentedMessagesSent,
      int fragmentedMessagesReceived, List<ExchangeTiming> exchanges, Duration total) {
    this(localAddress, gatewayAddress, unprivilegedSourcePort, ikeSpiInitiator, ikeSpiResponder,
        encryption, integrity, prf, keyExchanges, localIdentity, remoteIdentity,
        remoteCertificateSubject, authMethod, virtualAddresses, dnsServers, dnsDomains,
        splitSubnets, child, natDetection, fragmentation, fragmentedMessagesSent,
        fragmentedMessagesReceived, exchanges, total, false);
  }

  /** strongSwan-style IKE algorithm string, e.g. {@code aes256gcm16-prfsha384-ecp384}. */
  public String ikeAlgorithms() {
    List<List<Algorithm>> additional = new ArrayList<>();
    keyExchanges.stream().skip(1).forEach(a -> additional.add(List.of(a)));
    return ProposalTransforms.format(List.of(encryption), ProposalTransforms.optional(integrity),
        List.of(prf), keyExchanges.subList(0, Math.min(1, keyExchanges.size())), additional,
        List.of());
  }
}
