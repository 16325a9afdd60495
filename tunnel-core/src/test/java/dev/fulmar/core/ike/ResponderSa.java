package dev.fulmar.core.ike;

import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.SkCiphers;
import dev.fulmar.core.ike.message.FragmentReassembler;
import dev.fulmar.core.ike.message.IdPayload;
import dev.fulmar.core.ike.message.Payload;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** The test responder's view of one IKE SA. Plain fields: it is test scaffolding. */
public final class ResponderSa {
  public long spiI;
  public long spiR;
  public byte[] nonceI;
  public byte[] nonceR;
  public byte[] initRequest;
  public byte[] initResponse;
  public IkeSaKeys keys;
  public SkCiphers ciphers;
  public List<Integer> additionalKeyExchanges = new ArrayList<>();
  public byte[] intAuthI;
  public byte[] intAuthR;
  public long firstIkeAuthMid = -1;
  public boolean clientFragmentation;

  /** Where the client talks from, and whether it moved to port 4500. */
  public InetSocketAddress client;
  public boolean natT;

  public long expectedMid;
  public List<byte[]> lastResponse = List.of();
  public FragmentReassembler reassembler;
  public long ourNextMid;

  public IdPayload idi;
  public IdPayload idr;
  public List<Payload> childRequest;
  public MsChapV2Server eap;
  public boolean gatewayAuthenticatedToClient;
  public boolean established;
  public boolean deleted;
  public int childInboundSpi;
  public long childOutboundSpi;
  /** Whether the gateway is this SA's original initiator (it created it by an IKE SA rekey). */
  public boolean gatewayIsInitiator;
  public int childRekeys;
  public int ikeRekeys;
  /** UPDATE_SA_ADDRESSES requests answered (MOBIKE). */
  public int addressUpdates;
}
