/** Teams and their members: team owners manage their members, platform admins every team and who is an admin. */
package io.harbormaster.web.team;
