package io.chargepay.csms.balance.internal.evm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.chargepay.csms.balance.BalanceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The chains under {@code csms.chains}, each checked at start-up with eth_chainId. A node that serves another chain id
 * fails start-up; a node that does not answer only delays the check to the chain's first balance check (which is an
 * ERROR until it answers), so one RPC outage does not keep the whole system, chargers included, from starting.
 */
@Component
class EvmChains implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EvmChains.class);

	private final Map<String, EvmChain> chains = new LinkedHashMap<>();

	EvmChains(BalanceProperties properties) {
		properties.chains().forEach((name, config) ->
				chains.put(name, new EvmChain(name, config, properties.balance().rpcTimeout())));
		chains.values().forEach(EvmChains::verifyAtStartUp);
	}

	Optional<EvmChain> get(String name) {
		return Optional.ofNullable(chains.get(name));
	}

	boolean contains(String name) {
		return chains.containsKey(name);
	}

	private static void verifyAtStartUp(EvmChain chain) {
		try {
			chain.verify();
			log.info("Chain {}: the node at {} serves chain id {}", chain.name(), chain.host(), chain.config().chainId());
		}
		catch (RpcFailure unreachable) {
			log.warn("Chain {}: could not verify the chain id at start-up ({}); checks on {} answer ERROR until the node "
					+ "at {} answers with chain id {}", chain.name(), unreachable.getMessage(), chain.name(), chain.host(),
					chain.config().chainId());
		}
	}

	@Override
	public void destroy() {
		chains.values().forEach(EvmChain::close);
	}
}
