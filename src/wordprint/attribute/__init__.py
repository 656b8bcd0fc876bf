"""Attribution: classifiers, the General Impostors method, rolling Delta."""
