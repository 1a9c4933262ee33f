package org.propertydesk.care;

import org.propertydesk.records.CommunicationChannel;

/** How a programme reaches its households; each kind is logged on the customer under the channel it uses. */
enum CareProgrammeKind {
    CALL(CommunicationChannel.CALL),
    VISIT(CommunicationChannel.VISIT),
    GIFT(CommunicationChannel.VISIT),
    GREETING(CommunicationChannel.MESSAGE),
    INVITATION(CommunicationChannel.MESSAGE);

    private final CommunicationChannel channel;

    CareProgrammeKind(CommunicationChannel channel) {
        this.channel = channel;
    }

    CommunicationChannel channel() {
        return channel;
    }
}
