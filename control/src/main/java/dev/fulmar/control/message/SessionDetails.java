package dev.fulmar.control.message;

import java.util.List;

/**
 * What an established (or diagnosed) connection negotiated, for the status card and {@code fulmar
 * diagnose}. Never keys. Algorithm strings use strongSwan's proposal syntax.
 *
 * @param gatewayAddress the gateway's IKE address and port, e.g. {@code 192.0.2.1:4500}
 * @param localIdentity IDi as sent
 * @param remoteIdentity IDr as authenticated
 * @param remoteCertificate the gateway certificate's subject, or null (PSK)
 * @param authMethod how the client authenticated, e.g. {@code EAP-MSCHAPv2}
 * @param ikeAlgorithms e.g. {@code aes256gcm16-prfsha384-ecp384}
 * @param espAlgorithms e.g. {@code aes256gcm16}
 * @param keyExchanges the key exchange methods in order, e.g. {@code [curve25519, mlkem768]}
 * @param virtualAddresses addresses the gateway assigned
 * @param dnsServers DNS servers the gateway assigned
 * @param dnsDomains split-DNS domains (RFC 8598)
 * @param fullTunnel whether all traffic goes through the tunnel
 * @param splitSubnets the networks routed through the tunnel in split mode
 * @param natDetection e.g. {@code no NAT}, {@code NAT on our side}
 * @param fragmentation whether IKE fragmentation (RFC 7383) was negotiated
 * @param unprivilegedSourcePort whether an unprivileged source port was used instead of 500
 */
public record SessionDetails(
    String gatewayAddress,
    String localIdentity,
    String remoteIdentity,
    String remoteCertificate,
    String authMethod,
    String ikeAlgorithms,
    String espAlgorithms,
    List<String> keyExchanges,
    List<String> virtualAddresses,
    List<String> dnsServers,
    List<String> dnsDomains,
    boolean fullTunnel,
    List<String> splitSubnets,
    String natDetection,
    boolean fragmentation,
    boolean unprivilegedSourcePort) {

  public SessionDetails {
    keyExchanges = copy(keyExchanges);
    virtualAddresses = copy(virtualAddresses);
    dnsServers = copy(dnsServers);
    dnsDomains = copy(dnsDomains);
    splitSubnets = copy(splitSubnets);
  }

  static List<String> copy(List<String> l) {
    return l == null ? List.of() : List.copyOf(l);
  }
}
