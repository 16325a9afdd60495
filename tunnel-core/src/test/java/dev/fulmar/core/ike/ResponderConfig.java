package dev.fulmar.core.ike;

import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.api.IkeIdentity;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.ike.auth.TestPki;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * How the {@link InMemoryResponder} behaves: what it accepts, how it authenticates and what it
 * assigns. Defaults describe a strongSwan-like remote-access gateway with EAP-MSCHAPv2. Fields are
 * public so that each test states the one thing it changes.
 */
public final class ResponderConfig {
  /** How the gateway expects the client to authenticate. */
  public enum ClientAuth { EAP_MSCHAPV2, CERTIFICATE, PSK }

  /** The one IKE proposal the gateway accepts (KE methods in its order of preference). */
  public IkeProposal ike = parseIke("aes256gcm16-prfsha384-curve25519-ecp384");
  public EspProposal esp = parseEsp("aes256gcm16");
  public ClientAuth clientAuth = ClientAuth.EAP_MSCHAPV2;
  public String eapUser = "alice";
  public String eapPassword = "correct horse";
  public byte[] psk = "a pre-shared key of some length".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  public final TestPki.Issued ca = Pki.CA;
  /** The gateway's certificate chain, own certificate first. */
  public List<X509Certificate> gatewayChain = List.of(Pki.GATEWAY.certificate());
  public java.security.PrivateKey gatewayKey = Pki.GATEWAY.privateKey();
  public IkeIdentity gatewayId = IkeIdentity.fqdn("vpn.example.test");

  public boolean cookies;
  /** Whether the gateway announces MOBIKE (RFC 4555) and answers UPDATE_SA_ADDRESSES. */
  public boolean mobike;
  /** Whether the gateway answers every rekey with TEMPORARY_FAILURE. */
  public boolean refuseRekeys;
  /** AUTH_LIFETIME in seconds for the final IKE_AUTH response (RFC 4478), or null. */
  public Integer authLifetime;
  /** Whether the answer to UPDATE_SA_ADDRESSES returns the client's COOKIE2 (RFC 4555 §3.8). */
  public boolean echoCookie2 = true;
  /** How many IKE_SA_INIT requests are answered with REDIRECT to {@link #redirectTo}. */
  public int redirects;
  public String redirectTo = "192.0.2.1";
  public boolean fragmentation = true;
  /** The largest datagram the gateway sends before fragmenting (RFC 7383). */
  public int fragmentSize = 1280;
  /** Fake the gateway's NAT-D source hash, as strongSwan with userspace ESP does. */
  public boolean fakeNatD;
  /** Answer IKE_AUTH with AUTHENTICATION_FAILED no matter what. */
  public boolean rejectAuthentication;

  public InetAddress virtualIp = address("10.10.0.2");
  public List<InetAddress> dns = List.of(address("10.200.0.53"));
  public List<String> dnsDomains = List.of("corp.example.test");
  public List<TrafficSelector> splitSubnets = List.of(TrafficSelector.subnet("10.200.0.0/24"));
  /** TSr the gateway narrows to. */
  public List<TrafficSelector> localTs = List.of(TrafficSelector.subnet("10.200.0.0/24"));
  /** Requests dropped before the gateway looks at them (simulated loss), by message ID. */
  public final List<Long> ignoreRequests = new ArrayList<>();

  public static IkeProposal parseIke(String s) {
    return ProposalStrings.ikeOrFail(s);
  }

  public static EspProposal parseEsp(String s) {
    return ProposalStrings.espOrFail(s);
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
