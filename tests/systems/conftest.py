"""IT-system fixtures: the governance and portfolio fixtures, shared."""

from tests.governance import conftest as governance
from tests.portfolio import conftest as portfolio

steering_group = governance.steering_group
secretary = governance.secretary
programme_group = portfolio.programme_group
