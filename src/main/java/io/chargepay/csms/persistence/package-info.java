/** What entities of every module share about how they are stored. */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.persistence;
