from django.urls import path

from . import views

urlpatterns = [
    path("", views.subscribe, name="newsletter_subscribe"),
    path("confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
]
