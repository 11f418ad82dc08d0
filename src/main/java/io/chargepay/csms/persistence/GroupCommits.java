package io.chargepay.csms.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens a {@link GroupCommit} per kind of write, each with its own writer thread, and closes them at shutdown. */
@Component
public class GroupCommits implements DisposableBean {

	private final List<GroupCommit> opened = new CopyOnWriteArrayList<>();
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final MeterRegistry meters;
	private final GroupCommitProperties properties;

	GroupCommits(JdbcTemplate jdbc, PlatformTransactionManager transactions, MeterRegistry meters,
			GroupCommitProperties properties) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.meters = meters;
		this.properties = properties;
	}

	/**
	 * A writer for one kind of write. Kinds that lock rows other writes touch (an upsert, a foreign key) get their own,
	 * so that one waiting for a lock does not hold up the others.
	 */
	public GroupCommit open(String name) {
		GroupCommit groupCommit = new GroupCommit(name, jdbc, transaction, meters, properties.maxWrites(),
				properties.enabled());
		opened.add(groupCommit);
		groupCommit.start();
		return groupCommit;
	}

	@Override
	public void destroy() {
		for (GroupCommit groupCommit : opened) {
			groupCommit.close();
		}
	}
}
