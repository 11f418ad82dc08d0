package io.chargepay.csms.identity;

/** A wallet a driver pays from, on a named chain (ETHEREUM, POLYGON, ...). */
public record Wallet(String address, String chain, boolean isDefault) {
}
